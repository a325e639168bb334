class DocsController < ApplicationController
  def show
    send_file File.join("/srv/docs", File.basename(params[:doc]))
  end
end
