class SessionsController < ApplicationController
  def restore
    data = Base64.decode64(cookies[:state])
    @state = Marshal.load(data)
  end
end
