class LoginController < ApplicationController
  def done
    redirect_to params[:return_to]
  end
end
