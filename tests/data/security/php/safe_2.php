<?php
function find($db, $id) {
  $st = $db->prepare("SELECT * FROM users WHERE id = ?");
  $st->execute([$id]);
  return $st;
}
