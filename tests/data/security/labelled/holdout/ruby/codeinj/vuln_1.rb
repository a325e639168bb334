class CalcController < ApplicationController
  def run
    expr = params[:expr]
    render plain: eval(expr).to_s
  end
end
