<?php
$url = $_GET['return'];
$path = parse_url($url, PHP_URL_PATH);
header("Location: /account");
