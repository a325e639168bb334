class PagesController < ApplicationController
  def show
    render html: "<h1>#{params[:title]}</h1>".html_safe
  end
end
