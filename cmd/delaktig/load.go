package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker/report"
	"golang.org/x/net/html/charset"
)

// maxInput bounds the bytes read from one target.
const maxInput = 64 << 20

// targetKind says where a target's HTML comes from.
type targetKind uint8

const (
	targetFile targetKind = iota
	targetStdin
	targetURL
)

// target is one page to check.
type target struct {
	kind targetKind
	name string // the path, URL or "-" as the user gave it (or found in a folder)
}

// expandTargets turns the command-line targets into pages: folders become
// their .html and .htm files in name order. Targets that do not exist are
// returned as load errors naming them.
func expandTargets(args []string) ([]target, []error) {
	var out []target
	var errs []error
	for _, a := range args {
		switch {
		case a == "-":
			out = append(out, target{targetStdin, "-"})
		case isURL(a):
			out = append(out, target{targetURL, a})
		default:
			st, err := os.Stat(a)
			if err != nil {
				err = pathError(err)
				if looksLikeHost(a) {
					err = fmt.Errorf("%w; to check a web page, give its full address: https://%s", err, a)
				}
				errs = append(errs, &loadError{a, err})
				continue
			}
			if !st.IsDir() {
				out = append(out, target{targetFile, a})
				continue
			}
			files, err := htmlFiles(a)
			if err != nil {
				errs = append(errs, &loadError{a, err})
				continue
			}
			if len(files) == 0 {
				errs = append(errs, &loadError{a, errors.New("the folder holds no .html or .htm file")})
			}
			for _, f := range files {
				out = append(out, target{targetFile, f})
			}
		}
	}
	return out, errs
}

// isURL reports whether s is an http or https URL.
func isURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// looksLikeHost reports whether a missing target looks like a web address
// typed without its scheme ("www.example.se", "kommun.se/ansok").
func looksLikeHost(s string) bool {
	host, _, _ := strings.Cut(s, "/")
	ext := strings.ToLower(filepath.Ext(host))
	return strings.Contains(host, ".") && !strings.HasPrefix(host, ".") && ext != ".html" && ext != ".htm" &&
		!strings.ContainsAny(host, `\:`) && !filepath.IsAbs(s)
}

// htmlFiles lists the .html and .htm files under dir, in lexical order of
// their paths.
func htmlFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".html", ".htm":
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

// pathError shortens an *fs.PathError: the path is already named.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return errors.New("no such file or folder")
		case errors.Is(err, fs.ErrPermission):
			return errors.New("permission denied")
		}
		return pe.Err
	}
	return err
}

// staticLoader reads files, standard input and URLs as HTML without a browser.
func staticLoader(s *stdio, o *checkOptions) loadFunc {
	client := &http.Client{Timeout: o.timeout}
	return func(ctx context.Context, t target) (*a11y.Document, error) {
		var (
			b     []byte
			err   error
			ctype string
			name  = t.name
		)
		switch t.kind {
		case targetStdin:
			b, err = readLimited(s.in)
			name = "stdin"
		case targetURL:
			b, ctype, name, err = fetch(ctx, client, t.name)
		default:
			var f *os.File
			if f, err = os.Open(t.name); err == nil {
				b, err = readLimited(f)
				f.Close()
			}
			err = pathError(err)
		}
		if err != nil {
			return nil, &loadError{t.name, err}
		}
		return a11y.FromHTML(bytes.NewReader(decode(b, ctype)), name)
	}
}

func readLimited(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxInput {
		return nil, fmt.Errorf("larger than %d MB; check a smaller page", maxInput>>20)
	}
	return b, nil
}

// fetch gets a URL with a GET request and returns the body, its content
// type and the final URL after redirects.
func fetch(ctx context.Context, client *http.Client, u string) ([]byte, string, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, "", "", err
	}
	req.Header.Set("User-Agent", "delaktig/"+report.Version()+" (accessibility checker)")
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	resp, err := client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) && ue.Timeout() {
			return nil, "", "", fmt.Errorf("no answer within %v; try again or raise --timeout", client.Timeout)
		}
		return nil, "", "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, "", "", fmt.Errorf("the server answered %s", resp.Status)
	}
	b, err := readLimited(resp.Body)
	if err != nil {
		return nil, "", "", err
	}
	return b, resp.Header.Get("Content-Type"), resp.Request.URL.String(), nil
}

// decode returns b as UTF-8. The encoding comes from a byte order mark, the
// Content-Type, or a <meta charset> in the page; without any of them, a page
// that is valid UTF-8 is read as UTF-8, else as windows-1252 (the HTML rule).
func decode(b []byte, contentType string) []byte {
	enc, name, certain := charset.DetermineEncoding(b, contentType)
	if name == "utf-8" || !certain && name == "windows-1252" && utf8.Valid(b) {
		return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	}
	if out, err := enc.NewDecoder().Bytes(b); err == nil {
		return out
	}
	return b
}
