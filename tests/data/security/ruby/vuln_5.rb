def http(uri)
  http = Net::HTTP.new(uri.host, 443)
  http.verify_mode = OpenSSL::SSL::VERIFY_NONE
end
