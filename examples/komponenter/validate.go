package komponenter

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

var (
	errPnrFormat = errors.New("komponenter: a personnummer has 10 or 12 digits")
	errPnrDate   = errors.New("komponenter: the personnummer has no valid date")
	errPnrCheck  = errors.New("komponenter: the personnummer's check digit is wrong")
)

// personnummer checks a Swedish personnummer (or samordningsnummer, whose
// day is 60 higher) written with or without century, hyphen, plus or
// spaces, and returns it as ÅÅÅÅMMDD-NNNN. A 10-digit number takes the
// century that puts the birth date in the last hundred years before now.
func personnummer(s string, now time.Time) (string, error) {
	var digits strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case r == '-', r == '+', r == ' ':
		default:
			return "", errPnrFormat
		}
	}
	d := digits.String()
	switch len(d) {
	case 12:
	case 10:
		yy, _ := strconv.Atoi(d[:2])
		century := now.Year()/100*100 - 100
		if century+100+yy <= now.Year() {
			century += 100
		}
		d = strconv.Itoa(century/100) + d
	default:
		return "", errPnrFormat
	}
	y, _ := strconv.Atoi(d[:4])
	m, _ := strconv.Atoi(d[4:6])
	day, _ := strconv.Atoi(d[6:8])
	if day > 60 {
		day -= 60 // samordningsnummer
	}
	if t := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC); t.Year() != y || int(t.Month()) != m || t.Day() != day {
		return "", errPnrDate
	}
	if !luhn(d[2:]) {
		return "", errPnrCheck
	}
	return d[:8] + "-" + d[8:], nil
}

// luhn reports whether the ten digits pass the Luhn check the Swedish tax
// agency uses: doubling every other digit from the first.
func luhn(ten string) bool {
	sum := 0
	for i, r := range ten {
		v := int(r - '0')
		if i%2 == 0 {
			v *= 2
		}
		sum += v/10 + v%10
	}
	return sum%10 == 0
}

var (
	errDateEmpty = errors.New("komponenter: no date")
	errDateReal  = errors.New("komponenter: no such date")
	errDatePast  = errors.New("komponenter: the date has passed")
)

// checkDate checks a start date given in parts. It returns the parts that
// are wrong for errDateReal.
func checkDate(year, month, day string, now time.Time) ([]string, error) {
	if year == "" && month == "" && day == "" {
		return nil, errDateEmpty
	}
	y, ey := strconv.Atoi(year)
	m, em := strconv.Atoi(month)
	d, ed := strconv.Atoi(day)
	var wrong []string
	if ed != nil || d < 1 || d > 31 {
		wrong = append(wrong, "day")
	}
	if em != nil || m < 1 || m > 12 {
		wrong = append(wrong, "month")
	}
	if ey != nil || y < 1000 || y > 9999 {
		wrong = append(wrong, "year")
	}
	if len(wrong) > 0 {
		return wrong, errDateReal
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return []string{"day"}, errDateReal
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	if t.Before(today) {
		return nil, errDatePast
	}
	return nil, nil
}
