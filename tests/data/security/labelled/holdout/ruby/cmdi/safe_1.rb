require "open3"

class ToolsController < ApplicationController
  def ping
    host = params[:host]
    output, _status = Open3.capture2("ping", "-c", "1", host)
    render plain: output
  end
end
