require "yaml"

class ImportsController < ApplicationController
  def create
    @data = YAML.safe_load(params[:file].read)
  end
end
