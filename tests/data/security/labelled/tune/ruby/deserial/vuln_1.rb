require "yaml"

class ImportsController < ApplicationController
  def create
    @data = YAML.load(params[:file].read)
  end
end
