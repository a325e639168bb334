<?php
$page = $_GET['page'];
$title = $_GET['title'];
if (!is_numeric($page)) exit;
echo "<title>" . $title . " - page " . $page . "</title>";
