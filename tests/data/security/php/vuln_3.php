<?php
function h($password) {
  return md5($password);
}
