package examples

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
)

// logoPNG draws Norrsunda kommun's logo: a dark blue square with a white wave
// (the sound) under a yellow sun.
func logoPNG() ([]byte, error) {
	const size = 64
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	blue := color.NRGBA{0x0a, 0x3d, 0x62, 0xff}
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	yellow := color.NRGBA{0xff, 0xd1, 0x00, 0xff}
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			c := blue
			dx, dy := float64(x-32), float64(y-24)
			wave := 44 + 5*math.Sin(float64(x)/size*2*math.Pi*1.5)
			switch {
			case dx*dx+dy*dy <= 12*12:
				c = yellow
			case math.Abs(float64(y)-wave) <= 3:
				c = white
			}
			img.SetNRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("examples: encode logo: %w", err)
	}
	return buf.Bytes(), nil
}
