<?php
$page = $_GET['page'];
include('/var/www/pages/' . $page . '.php');
