<?php
$lang = $_COOKIE['lang'];
require_once "lang/" . $lang . ".php";
