<?php
function h($password) {
  return password_hash($password, PASSWORD_DEFAULT);
}
