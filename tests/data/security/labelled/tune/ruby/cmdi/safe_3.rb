class BackupsController < ApplicationController
  def create
    name = params[:name].to_s.gsub(/[^a-z0-9]/, "")
    system("tar", "czf", "/backups/#{name}.tgz", "/data")
  end
end
