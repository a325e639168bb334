class ToolsController < ApplicationController
  def lookup
    domain = params.fetch(:domain)
    result = IO.popen("whois #{domain}").read
    render plain: result
  end
end
