class CalcController < ApplicationController
  def run
    expr = Integer(params[:expr])
    render plain: (expr * 2).to_s
  end
end
