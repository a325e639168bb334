class HooksController < ApplicationController
  def call_hook
    obj = Hooks.new
    obj.send(params[:method])
  end
end
