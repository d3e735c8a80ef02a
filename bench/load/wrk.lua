-- wrk script of bench/load/run.sh.
-- Arguments after `--`: [COOKIE_FILE THREADS]. Without them every request is the one the command
-- line describes (URL and -H headers). With them, the file's lines (one Cookie header value each,
-- e.g. a session per line) are shared out among the threads and each thread cycles through its
-- own, so that no two connections use one session at the same time as long as there are at least
-- twice as many cookies as connections. Requests are built once, in init, never per request.
-- done() prints one line that run.sh reads:
--   RESULT requests=N duration_us=N status_errors=N socket_errors=N p50_us=N p99_us=N
-- With SIGIL_WRK_PACE_MS set to a positive number (run.sh --pace), each connection waits that many
-- milliseconds after every response before its next request, so every scenario gets the same offered
-- load (at most connections x 1000 / pace requests per second) instead of as much as it can take.
-- wrk's latency is still the time from request to response; the pause is not in it.
-- (wrk looks for delay() when the script is loaded, so it is defined here or not at all.)

local pace_ms = tonumber(os.getenv("SIGIL_WRK_PACE_MS") or "0") or 0
if pace_ms > 0 then
  function delay()
    return pace_ms
  end
end

local prepared = {}
local position = 0
local threads_started = 0

function setup(thread)
  threads_started = threads_started + 1
  thread:set("id", threads_started)
end

function init(args)
  local file, threads = args[1], tonumber(args[2] or "1")
  if file ~= nil and file ~= "" then
    local index = 0
    for line in io.lines(file) do
      if line ~= "" then
        if index % threads == id - 1 then
          prepared[#prepared + 1] = wrk.format(nil, nil, { ["Cookie"] = line })
        end
        index = index + 1
      end
    end
  end
  if #prepared == 0 then
    prepared[1] = wrk.format()
  end
end

function request()
  position = position % #prepared + 1
  return prepared[position]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d status_errors=%d socket_errors=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    math.floor(latency:percentile(50)), math.floor(latency:percentile(99))))
end
