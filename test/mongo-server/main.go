// Command mongo-test-server serves the MongoDB wire protocol on 127.0.0.1 for the read store's
// tests, backed by embedded FerretDB v1 over SQLite files in a directory of the caller's choice.
//
// It prints "listening 127.0.0.1:PORT" on stdout once clients can connect, and stops on SIGINT or
// SIGTERM. Embedding FerretDB as a library of this module avoids building FerretDB's own command,
// which `go install` cannot do (it needs generated version files; FerretDB issue #2982).
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	port := flag.Int("port", 0, "TCP port on 127.0.0.1; 0 picks a free one")
	dataDir := flag.String("data-dir", "", "directory for the SQLite files, created if missing (default: a temporary one, removed on exit)")
	logLevel := flag.String("log-level", "error", "FerretDB log level on stderr: debug, info, warn or error")
	flag.Parse()

	if err := run(*port, *dataDir, *logLevel); err != nil {
		fmt.Fprintln(os.Stderr, "mongo-test-server:", err)
		os.Exit(1)
	}
}

func run(port int, dataDir, logLevel string) error {
	if dataDir == "" {
		temporary, err := os.MkdirTemp("", "mongo-test-server-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(temporary)
		dataDir = temporary
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("-log-level: %w", err)
	}
	sqliteURL, err := sqliteDirectoryURL(dataDir)
	if err != nil {
		return err
	}

	server, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: net.JoinHostPort("127.0.0.1", strconv.Itoa(port))},
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
		Logger:    slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})),
	})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	done := make(chan error, 1)
	go func() { done <- server.Run(ctx) }()

	// ferretdb.New has already bound the socket; MongoDBURI waits for that and names the real port.
	uri, err := url.Parse(server.MongoDBURI())
	if err != nil {
		return err
	}
	fmt.Printf("listening %s\n", uri.Host)

	return <-done
}

// sqliteDirectoryURL is the "file:<dir>/" URI FerretDB's SQLite handler expects: one file per database.
func sqliteDirectoryURL(dir string) (string, error) {
	absolute, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(absolute, 0o700); err != nil {
		return "", err
	}
	return (&url.URL{Scheme: "file", Opaque: absolute + "/"}).String(), nil
}
