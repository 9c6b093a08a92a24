-- wrk script: each request takes the next (session, path) pair of the file
-- given after "--", so many logged-in users are served, not one cached
-- session.  Lines: "sid<TAB>path".  With "POST" as the second argument the
-- file's lines are "lcsrf<TAB>body" for the login form instead.  A third
-- argument N stops each wrk thread after N responses (a fixed-count pass:
-- run it with -t1 for exactly N requests).
local rows = {}
local i = 0
local post = false
local limit = nil
local done = 0

function init(args)
  for line in io.lines(args[1]) do
    local a, b = line:match("^([^\t]+)\t(.+)$")
    if a then rows[#rows + 1] = { a, b } end
  end
  post = args[2] == "POST"
  limit = tonumber(args[3] or "")
  if limit then
    response = function()
      done = done + 1
      if done >= limit then wrk.thread:stop() end
    end
  end
  i = math.random(#rows) - 1
end

function request()
  i = i % #rows + 1
  local r = rows[i]
  if post then
    return wrk.format("POST", "/login", {
      ["Cookie"] = "lcsrf=" .. r[1],
      ["Content-Type"] = "application/x-www-form-urlencoded" }, r[2])
  end
  return wrk.format("GET", r[2], { ["Cookie"] = "sid=" .. r[1] })
end
