class PagesController < ApplicationController
  def show
    render html: "<h1>#{ERB::Util.html_escape(params[:title])}</h1>".html_safe
  end
end
