class BackupsController < ApplicationController
  def create
    system("tar czf /backups/#{params[:name]}.tgz /data")
  end
end
