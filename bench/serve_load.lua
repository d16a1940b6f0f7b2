-- wrk script for bench/serve_load.py: requests every page and data file of the site in
-- turn (paths from the file named by $DOSSIER_PATHS), and counts HTML pages that arrive
-- without their end (a half-written page) and responses that are not 200.
-- Counters are globals: done() reads each thread's with thread:get, which sees no locals.
paths = {}
index = 0
truncated = 0
failed = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("DOSSIER_PATHS")) do
    table.insert(paths, line)
  end
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

function response(status, headers, body)
  if status ~= 200 then
    failed = failed + 1
  elseif string.find(headers["Content-Type"] or headers["content-type"] or "", "text/html", 1, true)
      and not string.find(body, "</html>%s*$") then
    truncated = truncated + 1
  end
end

function done(summary, latency, requests)
  local total_truncated, total_failed = 0, 0
  for _, thread in ipairs(threads) do
    total_truncated = total_truncated + thread:get("truncated")
    total_failed = total_failed + thread:get("failed")
  end
  io.write(string.format("dossier: truncated_html=%d not_200=%d\n", total_truncated, total_failed))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("dossier: latency_p%s_ms=%.2f\n", p, latency:percentile(p) / 1000))
  end
end
