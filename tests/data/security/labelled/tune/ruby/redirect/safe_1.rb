class SessionsController < ApplicationController
  def create
    target = params[:next]
    redirect_to dashboard_path
  end
end
