-- wrk script for bench/run.sh: sends the bearer token, optionally paces each connection, and prints one
-- machine-readable summary line (latencies in ms) that run.sh parses.
--   BENCH_TOKEN        bearer token for the Authorization header (empty: none)
--   BENCH_RATE         target requests/s over all connections (0 or unset: as fast as possible)
--   BENCH_CONNECTIONS  the -c given to wrk, to split BENCH_RATE over the connections
local token = os.getenv("BENCH_TOKEN") or ""
local rate = tonumber(os.getenv("BENCH_RATE") or "0") or 0
local connections = tonumber(os.getenv("BENCH_CONNECTIONS") or "1") or 1

if token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

-- wrk only pays for a delay() call when the function exists, so it is defined only for paced runs. The pause
-- before each request is uniform around the mean, so the connections do not fire in lock step; the achieved rate
-- is a little under the target (the pause comes after each answer) and is what the report shows.
if rate > 0 then
  local mean = connections * 1000 / rate
  function delay()
    return math.floor(math.random() * 2 * mean + 0.5)
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rps=%.1f p50=%.3f p75=%.3f p90=%.3f p99=%.3f p999=%.3f max=%.3f errors=%d non2xx=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(75) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
