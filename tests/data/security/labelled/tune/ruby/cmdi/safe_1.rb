require "shellwords"

class ToolsController < ApplicationController
  def ping
    host = params[:host]
    output = `ping -c 1 #{Shellwords.escape(host)}`
    render plain: output
  end
end
