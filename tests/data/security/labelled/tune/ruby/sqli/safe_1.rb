class UsersController < ApplicationController
  def show
    name = params[:name]
    @users = User.where("name = ?", name)
  end
end
