require "digest"
def h(s)
  Digest::SHA256.hexdigest(s)
end
