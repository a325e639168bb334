class DocsController < ApplicationController
  def show
    send_file "/srv/docs/#{params[:doc]}"
  end
end
