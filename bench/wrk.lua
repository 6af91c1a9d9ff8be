-- wrk script for the benchmark (bench/load.py). The request comes from environment variables,
-- so session cookies and form bodies never appear on a command line:
--   BENCH_METHOD  GET or POST
--   BENCH_COOKIE  the Cookie header (session and CSRF cookies)
--   BENCH_BODY    an urlencoded form body for POST (with csrfmiddlewaretoken)
-- done() prints one line starting with BENCH_JSON that bench/load.py reads.

local method, headers, template, dynamic, request_bytes

local function uuid4()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

function init(args)
  method = os.getenv("BENCH_METHOD") or "GET"
  headers = {}
  local cookie = os.getenv("BENCH_COOKIE")
  if cookie and cookie ~= "" then
    headers["Cookie"] = cookie
  end
  template = nil
  if method == "POST" then
    template = os.getenv("BENCH_BODY") or ""
    headers["Content-Type"] = "application/x-www-form-urlencoded"
  end
  -- A body with __UUID__ gets a fresh one per request (a form's double-submit token).
  dynamic = template ~= nil and string.find(template, "__UUID__", 1, true) ~= nil
  local address = tonumber(string.match(tostring(headers), "0x(%x+)") or "0", 16) or 0
  math.randomseed(os.time() + address % 1000003)
  if not dynamic then
    request_bytes = wrk.format(method, nil, headers, template)
  end
end

function request()
  if dynamic then
    local body = string.gsub(template, "__UUID__", uuid4())
    return wrk.format(method, nil, headers, body)
  end
  return request_bytes
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "BENCH_JSON {\"requests\": %d, \"duration_us\": %d, \"p50_us\": %d, \"p90_us\": %d, "
      .. "\"p99_us\": %d, \"max_us\": %d, \"status_errors\": %d, \"connect_errors\": %d, "
      .. "\"read_errors\": %d, \"write_errors\": %d, \"timeouts\": %d}\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    errors.status, errors.connect, errors.read, errors.write, errors.timeout
  ))
end
