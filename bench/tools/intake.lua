-- wrk script for the closed-loop maximum of POST /api/v1/applications: every request a distinct,
-- valid applicant (GB 11643 check character), its own Idempotency-Key and client address
-- (X-Forwarded-For, trusted by the service only with SFH_BEHIND_PROXY=true, as behind an ingress).
-- Env: BENCH_TOWNSHIPS (comma-separated codes), BENCH_SEED (keeps runs apart). done() prints JSON.
local threads = {}
local counter = 1

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
local checks = {"1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"}
local surnames = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"}
local given = {"小三", "建国", "秀英", "玉兰", "志强", "桂芳", "海燕", "明", "军", "丽"}
local difficulties = {"ILLNESS", "DISABILITY", "DISASTER", "SCHOOLING", "UNEMPLOYMENT", "ELDERLY_ALONE", "HOUSING", "OTHER"}
local stories = {"丈夫住院，医药费负担重，家里还有两个孩子上学，收入不够日常开支",
  "暴雨冲毁了房屋和庄稼，一家人暂住在亲戚家，急需帮助",
  "独居老人，行动不便，没有固定收入，冬季取暖困难",
  "孩子考上大学，学费和生活费凑不齐，父母务农收入低"}
local towns = {}
local n = 0
local seed = 0

function init(args)
  for code in string.gmatch(os.getenv("BENCH_TOWNSHIPS") or "620503114", "[^,]+") do
    table.insert(towns, code)
  end
  seed = tonumber(os.getenv("BENCH_SEED") or "1")
end

local function idnumber(g)
  -- 1950-01-01 plus a day count; os.time normalises the day overflow
  local t = os.time({year = 1950, month = 1, day = 1 + math.floor(g / 1000) % 18000, hour = 12})
  local first17 = "620503" .. os.date("%Y%m%d", t) .. string.format("%03d", g % 1000)
  local sum = 0
  for i = 1, 17 do
    sum = sum + tonumber(string.sub(first17, i, i)) * weights[i]
  end
  return first17 .. checks[sum % 11 + 1]
end

function request()
  n = n + 1
  local g = seed * 10000000 + n * 16 + tid
  local body = '{"divisionCode":"' .. towns[g % #towns + 1] .. '",' ..
    '"applicant":{"name":"' .. surnames[g % 10 + 1] .. given[math.floor(g / 10) % 10 + 1] .. '",' ..
    '"idNumber":"' .. idnumber(g) .. '","phone":"13' .. string.format("%09d", g % 1000000000) .. '"},' ..
    '"difficulty":"' .. difficulties[g % 8 + 1] .. '","description":"' .. stories[g % 4 + 1] .. '",' ..
    '"consent":true,"householdSize":' .. (1 + g % 6) .. ',"urgent":false}'
  local headers = {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "wrk-" .. seed .. "-" .. tid .. "-" .. n,
    ["X-Forwarded-For"] = "10." .. (math.floor(g / 65536) % 256) .. "." .. (math.floor(g / 256) % 256) .. "." .. (g % 256)
  }
  return wrk.format("POST", "/api/v1/applications", headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"duration_us":%d,"non2xx":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,' ..
    '"p50_ms":%.2f,"p99_ms":%.2f}\n', summary.requests, summary.duration, e.status, e.connect, e.read, e.write,
    e.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
