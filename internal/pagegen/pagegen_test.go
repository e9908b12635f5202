package pagegen

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFormSize(t *testing.T) {
	small, big := Form(10), Form(2000)
	assert.Equal(t, 10, bytes.Count(small, []byte("<fieldset>")))
	assert.Equal(t, 2000, bytes.Count(big, []byte("<fieldset>")))
	assert.InDelta(t, 2.0, float64(len(big))/(1<<20), 0.6, "2000 sections ≈ 2 MB")
}
