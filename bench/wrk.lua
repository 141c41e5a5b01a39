-- wrk script for bench/run.sh: sends the bearer token, optionally paces the requests to a fixed rate, and prints one
-- machine-readable summary line (latencies in ms) that run.sh parses.
--   BENCH_TOKEN        bearer token for the Authorization header (empty: none)
--   BENCH_RATE         target requests/s over all connections (0 or unset: as fast as possible)
--   BENCH_THREADS      the -t given to wrk, to split BENCH_RATE over wrk's threads (default 1)
--   BENCH_CONNECTIONS  the -c given to wrk (only for the fallback pacing, see below)
local token = os.getenv("BENCH_TOKEN") or ""
local rate = tonumber(os.getenv("BENCH_RATE") or "0") or 0
local threads = tonumber(os.getenv("BENCH_THREADS") or "1") or 1
local connections = tonumber(os.getenv("BENCH_CONNECTIONS") or "1") or 1

if token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

-- Pacing. wrk calls delay() before every request of a connection (the first one included) and sends the request
-- that many milliseconds later; the connection's previous answer has arrived by then. A pause of connections / rate
-- after each answer (the old pacing here, kept as the fallback) falls short of the rate by the response time and
-- drifts with it. Instead every call takes the next slot of a fixed schedule of rate / threads requests per second
-- of wrk's thread (a monotonic clock through LuaJIT's FFI) and waits until that slot: the achieved rate is the
-- target whenever a connection is free at its slot, and a send that could not start within 1 ms of its slot (all
-- connections busy, or wrk's event loop late) counts as "late" - the report shows that share. Late sends keep their
-- place in the schedule (the next ones go out at once until it is caught up), as in wrk2; their latency is counted
-- from the actual send, so a non-zero late share means the paced latency is optimistic.
pacing = "none"
bench_sent, bench_late = 0, 0
if rate > 0 then
  local ok, ffi = pcall(require, "ffi")
  if ok then
    pcall(ffi.cdef, [[
      typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
      int clock_gettime(int clock_id, bench_timespec *tp);
    ]])
  end
  local timespec = ok and ffi.new("bench_timespec")
  if ok and ffi.C.clock_gettime(1, timespec) == 0 then -- CLOCK_MONOTONIC
    pacing = "schedule"
    local interval = 1000 * threads / rate -- ms between two slots of this thread
    local next_slot
    local function now_ms()
      ffi.C.clock_gettime(1, timespec)
      return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
    end
    function delay()
      local now = now_ms()
      next_slot = next_slot or now
      local wait = next_slot - now
      next_slot = next_slot + interval
      bench_sent = bench_sent + 1
      if wait < -1 then
        bench_late = bench_late + 1
      end
      return wait > 0 and math.floor(wait + 0.5) or 0
    end
  else
    -- no FFI: a random pause around connections / rate after each answer (achieves a little less than the rate)
    pacing = "random"
    local mean = connections * 1000 / rate
    function delay()
      return math.floor(math.random() * 2 * mean + 0.5)
    end
  end
end

-- each thread's state, to read its late count in done()
local thread_states = {}
function setup(thread)
  table.insert(thread_states, thread)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local sent, late = 0, 0
  for _, thread in ipairs(thread_states) do
    sent = sent + (tonumber(thread:get("bench_sent")) or 0)
    late = late + (tonumber(thread:get("bench_late")) or 0)
  end
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rps=%.1f p50=%.3f p75=%.3f p90=%.3f p99=%.3f p999=%.3f max=%.3f errors=%d non2xx=%d target=%.1f late=%.4f pacing=%s\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(75) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status, rate, sent > 0 and late / sent or 0, pacing))
end
