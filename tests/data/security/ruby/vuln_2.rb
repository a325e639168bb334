def find(id)
  User.where("id = #{id}")
end
