<?php
$lang = $_COOKIE['lang'];
$lang = preg_replace('/[^a-z]/', '', $lang);
require_once "lang/" . $lang . ".php";
