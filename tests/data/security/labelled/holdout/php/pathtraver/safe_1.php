<?php
$page = $_GET['page'];
$pages = array('home', 'about');
$page = in_array($page, $pages, true) ? $page : 'home';
include('/var/www/pages/' . basename($page) . '.php');
