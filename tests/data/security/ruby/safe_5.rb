require "securerandom"
def token
  SecureRandom.hex(16)
end
