class LoginController < ApplicationController
  def done
    redirect_to root_path
  end
end
