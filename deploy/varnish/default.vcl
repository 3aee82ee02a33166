# The CDN in front of the app containers (docs/deployment.md). Varnish 7.1 (Debian 12).
#
# It keeps what the app marks public (pages, the API, static files) for the Cache-Control's
# s-maxage, serves stale copies while the app is down (stale-if-error), and forgets
# addresses the app purges when content changes: a PURGE of a path forgets that path and
# every query of it (/en/lessons/ and /en/lessons/?level=A1), in every encoding.
vcl 4.1;

import std;

# The app containers (one backend, or a director over several). The stack test and
# `make stack` rewrite host and port.
backend app {
    .host = "app";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .url = "/healthz";
        .interval = 2s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

# Who may purge: the app containers' addresses. Nobody else (405).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed."));
        }
        # Every address under the path (an alert's banner is on every page of a language).
        if (req.http.X-Purge-Prefix) {
            ban("obj.http.x-host == " + req.http.host + " && obj.http.x-path ~ ^" + regsub(req.url, "\?.*$", ""));
            return (synth(200, "Purged."));
        }
        # The path without its query: every query of it goes too.
        ban("obj.http.x-host == " + req.http.host + " && obj.http.x-path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged."));
    }
    if (req.url ~ "^/admin/" || req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # An editor's session: their pages are their own (the app answers private, no-store).
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # A poll's own page shows this browser's vote (its signed cookie): never shared.
    if (req.url ~ "^/[^/]+/polls/") {
        return (pass);
    }
    # Public answers are the same for every reader: a reader's other cookies (a poll's
    # "already voted", a language choice) must not split or bypass the cache.
    unset req.http.Cookie;
}

sub vcl_backend_response {
    # What a ban compares: kept on the object, removed from the answer.
    set beresp.http.x-host = bereq.http.host;
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
    # stale-if-error: serve the stale copy for that long while the app cannot answer
    # (Varnish reads stale-while-revalidate into the grace period itself).
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.keep = std.duration(
            regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s"), 0s);
    }
}

sub vcl_backend_error {
    # The app is down and there is no copy at all: say so plainly.
    set beresp.http.Cache-Control = "no-store";
}

sub vcl_hit {
    # Within `keep`, a stale copy while the app is sick is better than an error.
    if (obj.ttl + obj.grace <= 0s && !std.healthy(req.backend_hint) && obj.ttl + obj.grace + obj.keep > 0s) {
        return (deliver);
    }
}

sub vcl_deliver {
    unset resp.http.x-host;
    unset resp.http.x-path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
