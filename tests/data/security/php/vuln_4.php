<?php
function load() {
  return unserialize($_COOKIE["data"]);
}
