<?php
function load() {
  return json_decode($_COOKIE["data"], true);
}
