require "json"
def load(data)
  JSON.parse(data)
end
