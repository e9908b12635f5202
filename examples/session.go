package examples

import (
	"crypto/rand"
	"net/http"
	"net/url"
	"sync"
	"time"
)

const (
	sessionCookie = "norrsunda_session"
	// sessionIdle is how long an unused session lives; the accessible start page
	// tells users about it.
	sessionIdle = 60 * time.Minute
	// maxSessions bounds the memory the example can use.
	maxSessions = 10000
)

// store keeps sessions in memory, keyed by a random cookie value.
type store struct {
	now func() time.Time

	mu       sync.Mutex
	sessions map[string]*session
}

// session holds one visitor's applications, one per variant.
type session struct {
	mu   sync.Mutex // held while a request uses the session
	seen time.Time  // guarded by store.mu
	apps map[Variant]*application
}

// application is what one visitor has entered in one variant.
type application struct {
	values  url.Values
	done    [stepReceipt]bool
	receipt *receipt
}

func newStore(now func() time.Time) *store {
	return &store{now: now, sessions: map[string]*session{}}
}

// session returns the request's session, starting a new one (and setting its
// cookie) when the request has none or it has expired.
func (st *store) session(w http.ResponseWriter, r *http.Request) *session {
	now := st.now()
	st.mu.Lock()
	defer st.mu.Unlock()
	if c, err := r.Cookie(sessionCookie); err == nil {
		if s, ok := st.sessions[c.Value]; ok && now.Sub(s.seen) < sessionIdle {
			s.seen = now
			return s
		}
		delete(st.sessions, c.Value)
	}
	if len(st.sessions) >= maxSessions {
		st.evict(now)
	}
	id := rand.Text()
	s := &session{seen: now, apps: map[Variant]*application{}}
	st.sessions[id] = s
	http.SetCookie(w, &http.Cookie{
		Name:     sessionCookie,
		Value:    id,
		Path:     "/",
		HttpOnly: true,
		SameSite: http.SameSiteLaxMode,
	})
	return s
}

// evict removes expired sessions, and the least recently used one when none
// has expired. st.mu is held.
func (st *store) evict(now time.Time) {
	var oldestID string
	var oldest time.Time
	for id, s := range st.sessions {
		if now.Sub(s.seen) >= sessionIdle {
			delete(st.sessions, id)
			continue
		}
		if oldestID == "" || s.seen.Before(oldest) {
			oldestID, oldest = id, s.seen
		}
	}
	if len(st.sessions) >= maxSessions {
		delete(st.sessions, oldestID)
	}
}

// application returns the session's application in variant v. s.mu is held.
func (s *session) application(v Variant) *application {
	app, ok := s.apps[v]
	if !ok {
		app = &application{values: url.Values{}}
		s.apps[v] = app
	}
	return app
}
