require "json"

class SessionsController < ApplicationController
  def restore
    data = Base64.decode64(cookies[:state])
    @state = JSON.parse(data)
  end
end
