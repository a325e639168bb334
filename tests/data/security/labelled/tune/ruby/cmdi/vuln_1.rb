class ToolsController < ApplicationController
  def ping
    host = params[:host]
    output = `ping -c 1 #{host}`
    render plain: output
  end
end
