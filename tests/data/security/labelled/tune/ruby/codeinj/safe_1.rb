class HooksController < ApplicationController
  ALLOWED = %w[start stop].freeze

  def call_hook
    obj = Hooks.new
    name = ALLOWED.include?(params[:method]) ? params[:method] : "start"
    obj.public_send(:start)
  end
end
