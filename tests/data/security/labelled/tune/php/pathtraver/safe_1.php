<?php
$page = $_GET['page'];
$allowed = ['home.php', 'about.php'];
if (in_array($page, $allowed, true)) {
    include("pages/home.php");
}
