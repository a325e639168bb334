require "digest"
def h(s)
  Digest::MD5.hexdigest(s)
end
