<?php
$url = $_GET['return'];
header("Location: $url");
